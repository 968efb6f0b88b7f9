const http = require('node:http');
const sharp = require('sharp');

http
  .createServer(async (request, response) => {
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    const thumbnail = await sharp(Buffer.concat(chunks)).resize(320).toBuffer();
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end(thumbnail);
  })
  .listen(8080);
