import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AbnormalOperation } from './abnormal-operations/abnormal-operation.entity';
import { AbnormalOperationsService } from './abnormal-operations/abnormal-operations.service';
import { Authorization } from './authorizations/authorization.entity';
import { AuthorizationsService } from './authorizations/authorizations.service';
import { CatalogueBatch, CatalogueEntry, CatalogueEntryStandard } from './catalogue/catalogue.entity';
import { CatalogueService } from './catalogue/catalogue.service';
import { CategoriesService } from './categories/categories.service';
import { ProductCategory } from './categories/category.entity';
import { EligibilityService } from './eligibility/eligibility.service';
import { GroupStandardsService } from './group-standards/group-standards.service';
import { DeclarationMeasure, SelfDeclaration } from './self-declarations/self-declaration.entity';
import { FrontrunnerClaim, FrontrunnerEntry, FrontrunnerList } from './frontrunners/frontrunner.entity';
import { FrontrunnersService } from './frontrunners/frontrunners.service';
import { SelfDeclarationsService } from './self-declarations/self-declarations.service';
import { Requirement, Standard, StandardCategory } from './standards/standard.entity';
import { StandardsService } from './standards/standards.service';

/** Every table of the scheme context, for TypeORM (and for a data source that checks entities against migrations). */
export const schemeEntities = [
  ProductCategory,
  Standard,
  StandardCategory,
  Requirement,
  CatalogueBatch,
  CatalogueEntry,
  CatalogueEntryStandard,
  Authorization,
  SelfDeclaration,
  DeclarationMeasure,
  FrontrunnerList,
  FrontrunnerEntry,
  FrontrunnerClaim,
  AbnormalOperation,
];

const services = [
  EligibilityService,
  CategoriesService,
  StandardsService,
  CatalogueService,
  AuthorizationsService,
  SelfDeclarationsService,
  FrontrunnersService,
  AbnormalOperationsService,
  GroupStandardsService,
];

@Module({
  imports: [TypeOrmModule.forFeature(schemeEntities)],
  providers: services,
  exports: services,
})
export class SchemeModule {}
