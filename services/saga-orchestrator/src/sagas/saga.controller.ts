import { Controller } from '@nestjs/common';
import { sagaPb } from '@cinema/contracts';
import { ShowtimeCancellations } from '../cancellations/showtime-cancellations';
import { SagaService } from './saga.service';

@Controller()
@sagaPb.SagaServiceControllerMethods()
export class SagaController implements sagaPb.SagaServiceController {
  constructor(
    private readonly sagas: SagaService,
    private readonly cancellations: ShowtimeCancellations,
  ) {}

  getSaga(req: sagaPb.GetSagaRequest) {
    return this.sagas.getSaga(req.bookingId);
  }

  cancelShowtime(req: sagaPb.CancelShowtimeRequest) {
    return this.cancellations.cancel(req);
  }
}
