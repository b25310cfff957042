import { ApiProperty } from '@nestjs/swagger';
import { IsIn } from 'class-validator';
import { USER_ROLES, type UserRole } from '@cinema/contracts';

export class SetRoleDto {
  @ApiProperty({ enum: USER_ROLES, example: 'usher' })
  @IsIn(USER_ROLES, { message: `role must be one of ${USER_ROLES.join(', ')}` })
  role!: UserRole;
}
