const Fastify = require('fastify');
const bcrypt = require('bcrypt');
const nodemailer = require('nodemailer');
const sharp = require('sharp');

const app = Fastify({ logger: true });
const mailer = nodemailer.createTransport({
  host: process.env.SMTP_HOST ?? 'localhost',
  port: 25,
});

app.get('/healthz', async () => ({ ok: true }));

app.post('/v1/email', async request => {
  const { to, subject, html, imageBase64, signingSecret } = request.body;
  if (!(await bcrypt.compare(signingSecret, process.env.SENDER_SECRET_HASH))) {
    return { accepted: false };
  }
  const attachments = imageBase64
    ? [
        {
          filename: 'preview.webp',
          content: await sharp(Buffer.from(imageBase64, 'base64'))
            .resize(600)
            .webp()
            .toBuffer(),
        },
      ]
    : [];
  await mailer.sendMail({
    from: 'noreply@acme-outfitters.example',
    to,
    subject,
    html,
    attachments,
  });
  return { accepted: true };
});

app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });
