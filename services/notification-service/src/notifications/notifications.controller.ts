import { Controller } from '@nestjs/common';
import { notificationPb } from '@cinema/contracts';
import { NotificationsService } from './notifications.service';

@Controller()
@notificationPb.NotificationServiceControllerMethods()
export class NotificationsController implements notificationPb.NotificationServiceController {
  constructor(private readonly notifications: NotificationsService) {}

  listNotifications(req: notificationPb.ListNotificationsRequest) {
    return this.notifications.list(req);
  }
}
