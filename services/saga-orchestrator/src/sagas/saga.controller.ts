import { Controller } from '@nestjs/common';
import { sagaPb } from '@cinema/contracts';
import { SagaService } from './saga.service';

@Controller()
@sagaPb.SagaServiceControllerMethods()
export class SagaController implements sagaPb.SagaServiceController {
  constructor(private readonly sagas: SagaService) {}

  getSaga(req: sagaPb.GetSagaRequest) {
    return this.sagas.getSaga(req.bookingId);
  }
}
