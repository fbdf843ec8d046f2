import { Module } from '@nestjs/common';
import { SchemeModule } from '@app/scheme';
import { AbnormalOperationsController } from './abnormal-operations.controller';
import { AuthorizationsController } from './authorizations.controller';
import { CatalogueController } from './catalogue.controller';
import { CategoriesController } from './categories.controller';
import { GroupStandardsController } from './group-standards.controller';
import { FrontrunnersController } from './frontrunners.controller';
import { PublicDeclarationsController } from './public-declarations.controller';
import { SelfDeclarationsController } from './self-declarations.controller';
import { StandardsController } from './standards.controller';

/** The scheme: categories, standards, the catalogue, authorizations, self-declarations and the abnormal-operations list. */
@Module({
  imports: [SchemeModule],
  controllers: [
    CategoriesController,
    StandardsController,
    CatalogueController,
    AuthorizationsController,
    SelfDeclarationsController,
    PublicDeclarationsController,
    FrontrunnersController,
    AbnormalOperationsController,
    GroupStandardsController,
  ],
})
export class SchemeHttpModule {}
