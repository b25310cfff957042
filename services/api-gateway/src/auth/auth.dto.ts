import { ApiProperty } from '@nestjs/swagger';
import { IsEmail, IsString, Length, MaxLength, MinLength } from 'class-validator';

export class RegisterDto {
  @ApiProperty({ example: 'ada@example.com' })
  @IsEmail({}, { message: 'email must be a valid email address' })
  @MaxLength(254)
  email!: string;

  @ApiProperty({ minLength: 8, maxLength: 128 })
  @IsString()
  @Length(8, 128, { message: 'password must be 8 to 128 characters' })
  password!: string;

  @ApiProperty({ example: 'Ada Lovelace' })
  @IsString()
  @Length(1, 100, { message: 'name must be 1 to 100 characters' })
  name!: string;
}

export class LoginDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'email is required' })
  @MaxLength(254)
  email!: string;

  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'password is required' })
  @MaxLength(128)
  password!: string;
}

export class ValidateTokenDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'token is required' })
  @MaxLength(4096)
  token!: string;
}

export class RefreshDto {
  @ApiProperty()
  @IsString()
  @MinLength(1, { message: 'refreshToken is required' })
  @MaxLength(512)
  refreshToken!: string;
}

export class LogoutDto {
  @ApiProperty({ description: 'A refresh token of the session to end; its whole family is revoked' })
  @IsString()
  @MinLength(1, { message: 'refreshToken is required' })
  @MaxLength(512)
  refreshToken!: string;
}
