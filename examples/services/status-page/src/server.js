const express = require('express');

const app = express();
app.get('/', (_request, response) => response.send('All systems operational'));
app.listen(3000);
