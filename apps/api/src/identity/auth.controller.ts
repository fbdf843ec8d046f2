import { Body, Controller, Get, HttpCode, Ip, Post } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import { Auth, AuthService, ChangePasswordDto, CurrentPrincipal, LoginDto, LoginResult, PersonAuth, Principal, PrincipalView, Public } from '@app/identity';
import { ApiErrors, ErrorBodyView } from '@app/shared';
import { NotRateLimited } from '../public/rate-limit/public-rate-limit.guard';

@ApiTags('identity')
@ApiErrors(503)
@Controller('api/v1/auth')
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Post('login')
  @Public()
  @NotRateLimited('its own, stricter limiter counts attempts per (address, email) and per address (LOGIN_MAX_ATTEMPTS)')
  @HttpCode(200)
  @ApiOperation({ summary: 'Log in with email and password; returns a bearer token (JWT)' })
  @ApiOkResponse({ type: LoginResult })
  @ApiErrors(400, 401)
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address, or the account is locked after failed logins', type: ErrorBodyView })
  login(@Body() dto: LoginDto, @Ip() ip: string): Promise<LoginResult> {
    return this.auth.login(dto.email, dto.password, ip, dto.organizationId);
  }

  @Post('password')
  @PersonAuth()
  @HttpCode(200)
  @ApiOperation({ summary: 'Change your own password; tokens issued before stop working and a fresh one is answered' })
  @ApiOkResponse({ type: LoginResult, description: 'a fresh token' })
  @ApiErrors(400)
  @ApiTooManyRequestsResponse({ description: 'The account is locked after failed logins or wrong current passwords', type: ErrorBodyView })
  changePassword(@CurrentPrincipal() caller: Principal, @Body() dto: ChangePasswordDto): Promise<LoginResult> {
    return this.auth.changePassword(caller, dto.currentPassword, dto.newPassword);
  }

  @Get('me')
  @Auth()
  @ApiOperation({ summary: 'Who the credentials belong to' })
  @ApiOkResponse({ type: PrincipalView })
  me(@CurrentPrincipal() principal: Principal): PrincipalView {
    return principal;
  }
}
