import { Controller } from '@nestjs/common';
import { authPb } from '@cinema/contracts';
import { AuthService } from './auth.service';

@Controller()
@authPb.AuthServiceControllerMethods()
export class AuthController implements authPb.AuthServiceController {
  constructor(private readonly auth: AuthService) {}

  register(req: authPb.RegisterRequest) {
    return this.auth.register(req);
  }

  login(req: authPb.LoginRequest) {
    return this.auth.login(req);
  }

  refresh(req: authPb.RefreshRequest) {
    return this.auth.refresh(req);
  }

  logout(req: authPb.LogoutRequest) {
    return this.auth.logout(req);
  }

  getUser(req: authPb.GetUserRequest) {
    return this.auth.getUser(req.id);
  }

  setUserRole(req: authPb.SetUserRoleRequest) {
    return this.auth.setUserRole(req);
  }
}
