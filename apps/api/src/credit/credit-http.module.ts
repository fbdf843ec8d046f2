import { Module } from '@nestjs/common';
import { CreditModule } from '@app/credit';

/** HTTP of credit: its controllers only; the rules live in @app/credit. */
@Module({
  imports: [CreditModule],
  controllers: [],
})
export class CreditHttpModule {}
