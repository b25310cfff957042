import { ApiProperty } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsDefined, IsInt, IsObject, IsUUID, Matches, Max, Min, ValidateNested } from 'class-validator';

export class CardDto {
  @ApiProperty({ example: '4242424242424242' })
  @Matches(/^\d{12,19}$/, { message: 'card.number must be 12 to 19 digits' })
  number!: string;

  @ApiProperty({ example: 12 })
  @IsInt({ message: 'card.expMonth must be an integer' })
  @Min(1)
  @Max(12)
  expMonth!: number;

  @ApiProperty({ example: 2030 })
  @IsInt({ message: 'card.expYear must be an integer' })
  @Min(2000)
  @Max(2100)
  expYear!: number;

  @ApiProperty({ example: '123' })
  @Matches(/^\d{3,4}$/, { message: 'card.cvc must be 3 or 4 digits' })
  cvc!: string;
}

export class PayDto {
  @ApiProperty()
  @IsUUID('all', { message: 'bookingId must be an id' })
  bookingId!: string;

  @ApiProperty({ type: CardDto })
  @IsDefined({ message: 'card is required' })
  @IsObject({ message: 'card must be an object' })
  @ValidateNested()
  @Type(() => CardDto)
  card!: CardDto;
}
