import { Module } from '@nestjs/common';
import { IdentityModule } from '@app/identity';
import { ApiKeysController } from './api-keys.controller';
import { AuthController } from './auth.controller';
import { OrganizationsController } from './organizations.controller';
import { SessionController } from './session.controller';
import { UsersController } from './users.controller';

/** Log-in, organizations, their users and API keys. */
@Module({
  imports: [IdentityModule],
  controllers: [AuthController, SessionController, OrganizationsController, UsersController, ApiKeysController],
})
export class IdentityHttpModule {}
