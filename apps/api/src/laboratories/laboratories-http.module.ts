import { Module } from '@nestjs/common';
import { LaboratoriesModule } from '@app/laboratories';
import { LaboratoriesController } from './laboratories.controller';
import { LaboratoryPagesController } from './laboratory-pages.controller';
import { PublicLaboratoriesController } from './public-laboratories.controller';
import { RecognitionAgreementsController } from './recognition-agreements.controller';

/** HTTP of laboratories: its controllers only; the rules live in @app/laboratories. */
@Module({
  imports: [LaboratoriesModule],
  controllers: [LaboratoriesController, RecognitionAgreementsController, PublicLaboratoriesController, LaboratoryPagesController],
})
export class LaboratoriesHttpModule {}
