import { Body, Controller, Get, Headers, HttpCode, Param, Post } from '@nestjs/common';
import { PaymentsService } from './payments.service';

@Controller('payments')
export class PaymentsController {
  constructor(private readonly payments: PaymentsService) {}

  @Post()
  @HttpCode(202)
  create(@Body() body: unknown, @Headers('idempotency-key') key?: string) {
    return this.payments.create(body, key);
  }

  @Get(':id')
  get(@Param('id') id: string) {
    return this.payments.get(id);
  }

  @Post(':id/refunds')
  @HttpCode(202)
  refund(@Param('id') id: string, @Body() body: unknown, @Headers('idempotency-key') key?: string) {
    return this.payments.refund(id, body, key);
  }
}
