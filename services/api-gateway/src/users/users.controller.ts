import { Body, Controller, Inject, Param, Patch } from '@nestjs/common';
import { ApiBody, ApiTags } from '@nestjs/swagger';
import type { AuthenticatedUser } from '../auth/access-token';
import { AdminOnly, CurrentUser } from '../auth/auth.guard';
import { toUserJson } from '../auth/auth.mappers';
import { UserDto } from '../auth/auth.responses';
import { AUTH_CLIENT, type AuthClient, rpc } from '../backends/backends';
import { ApiErrors, ApiSuccess } from '../http/openapi';
import { EntityIdPipe } from '../http/params';
import { SetRoleDto } from './users.dto';

/** Staff management: an admin grants roles (`usher` for the door). */
@ApiTags('users')
@Controller('users')
@AdminOnly()
export class UsersController {
  constructor(@Inject(AUTH_CLIENT) private readonly auth: AuthClient) {}

  /**
   * The new role is in the user's next access token (sign-in or refresh, at most ACCESS_TOKEN_TTL_SECONDS
   * later). 409 CONFLICT with `details.reason` SELF_DEMOTION or LAST_ADMIN.
   */
  @Patch(':id')
  @ApiBody({ type: SetRoleDto })
  @ApiSuccess(200, UserDto)
  @ApiErrors('UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'CONFLICT')
  async setRole(
    @CurrentUser() user: AuthenticatedUser,
    @Param('id', EntityIdPipe) id: string,
    @Body() body: SetRoleDto,
  ) {
    return toUserJson(await this.auth.setUserRole({ actorId: user.id, id, role: body.role }, rpc()));
  }
}
