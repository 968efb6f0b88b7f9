const shop = document.querySelector('#shop');

async function showBasket() {
  const response = await fetch('/api/basket', { credentials: 'include' });
  const basket = response.ok ? await response.json() : { items: [] };
  shop.textContent = `${basket.items.length} item(s) in your basket`;
}

showBasket();
