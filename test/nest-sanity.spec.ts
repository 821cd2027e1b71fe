import { Controller, Get, Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import request from 'supertest';

@Controller() class C { @Get('ping') ping() { return { ok: true }; } }
@Module({ controllers: [C] }) class M {}

test('nest boots', async () => {
  const app = await NestFactory.create(M, { logger: false });
  await app.init();
  const res = await request(app.getHttpServer()).get('/ping');
  expect(res.body).toEqual({ ok: true });
  await app.close();
});
