import { ApiProperty } from '@nestjs/swagger';
import { USER_ROLES } from '@cinema/contracts';

export class UserDto {
  @ApiProperty({ format: 'uuid', example: '2b0e8f5c-3c5e-4f0a-9d41-6a1f7e9b8c21' })
  id!: string;

  @ApiProperty({ example: 'ada@example.com' })
  email!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  name!: string;

  @ApiProperty({ enum: USER_ROLES, example: 'customer' })
  role!: string;
}

export class SessionDto {
  @ApiProperty({ type: UserDto })
  user!: UserDto;

  @ApiProperty({
    description: 'HS256 JWT for `Authorization: Bearer`',
    example: 'eyJhbGciOiJIUzI1NiJ9.e30.c2ln',
  })
  accessToken!: string;

  @ApiProperty({ description: 'Spent by POST /auth/refresh', example: 'rt_3q2+7w==' })
  refreshToken!: string;

  @ApiProperty({ type: 'integer', description: 'Seconds the access token lives', example: 900 })
  expiresIn!: number;
}

export class TokenValidDto {
  @ApiProperty({ enum: [true], example: true })
  valid!: boolean;

  @ApiProperty({ type: UserDto })
  user!: UserDto;
}
