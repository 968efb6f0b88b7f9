import Fastify from 'fastify';
import { PrismaClient } from '@prisma/client';

const prisma = new PrismaClient();
const app = Fastify({ logger: true });

app.get('/healthz', async () => ({ ok: true }));

app.get<{ Params: { id: string } }>(
  '/v1/customers/:id',
  async (request, reply) => {
    const customer = await prisma.customer.findUnique({
      where: { id: request.params.id },
      include: { addresses: true },
    });
    return customer ?? reply.code(404).send({ error: 'not found' });
  },
);

app.listen({ host: '0.0.0.0', port: Number(process.env.PORT ?? 3000) });
