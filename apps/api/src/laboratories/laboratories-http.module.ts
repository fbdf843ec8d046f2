import { Module } from '@nestjs/common';
import { LaboratoriesModule } from '@app/laboratories';

/** HTTP of laboratories: its controllers only; the rules live in @app/laboratories. */
@Module({
  imports: [LaboratoriesModule],
  controllers: [],
})
export class LaboratoriesHttpModule {}
