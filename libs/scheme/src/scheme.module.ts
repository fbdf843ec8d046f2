import { Module } from '@nestjs/common';
import { CatalogueService } from './catalogue/catalogue.service';
import { EligibilityService } from './eligibility/eligibility.service';
import { AbnormalOperationsService } from './registrations/abnormal-operations.service';
import { AuthorizationsService } from './registrations/authorizations.service';
import { SelfDeclarationsService } from './registrations/self-declarations.service';
import { StandardsService } from './standards/standards.service';

const services = [EligibilityService, StandardsService, CatalogueService, AuthorizationsService, SelfDeclarationsService, AbnormalOperationsService];

@Module({ providers: services, exports: services })
export class SchemeModule {}
