import { Body, Controller, Delete, Get, HttpCode, Ip, Post, Req, Res } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags, ApiTooManyRequestsResponse } from '@nestjs/swagger';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { AuthService, clearSessionCookie, LoginDto, Public, SessionView, sessionTokenOf, setSessionCookie } from '@app/identity';
import { ApiErrors, DomainError, ErrorBodyView } from '@app/shared';
import { NotRateLimited } from '../public/rate-limit/public-rate-limit.guard';

/**
 * The console's sign-in. The token lives in an HttpOnly cookie, so the console's scripts never
 * hold it (nothing in localStorage for an injected script to steal).
 */
@ApiTags('identity')
@ApiErrors(503)
@Controller('api/v1/auth/session')
export class SessionController {
  constructor(private readonly auth: AuthService) {}

  @Post()
  @Public()
  @NotRateLimited('the login limiter counts attempts per (address, email) and per address (LOGIN_MAX_ATTEMPTS)')
  @HttpCode(200)
  @ApiOperation({ summary: 'Sign in to the console: the session is an HttpOnly cookie that ends when the browser closes (or after JWT_TTL)' })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(400, 401)
  @ApiTooManyRequestsResponse({ description: 'Too many attempts from this address, or the account is locked after failed logins', type: ErrorBodyView })
  async signIn(@Body() dto: LoginDto, @Ip() ip: string, @Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): Promise<SessionView> {
    const { token, session } = await this.auth.openSession(dto.email, dto.password, ip, dto.organizationId);
    setSessionCookie(request, reply, token);
    return session;
  }

  @Get()
  @Public()
  @NotRateLimited('one indexed read of the caller’s own account')
  @ApiOperation({ summary: "The console's current session: who is signed in and until when (401 when there is none)" })
  @ApiOkResponse({ type: SessionView })
  @ApiErrors(401)
  current(@Req() request: FastifyRequest): Promise<SessionView> {
    const token = sessionTokenOf(request);
    if (!token) throw new DomainError('UNAUTHENTICATED', 'no one is signed in to the console');
    return this.auth.sessionOf(token);
  }

  @Delete()
  @Public()
  @NotRateLimited('it only clears a cookie')
  @HttpCode(204)
  @ApiOperation({ summary: 'Sign out of the console: the session cookie is cleared' })
  @ApiNoContentResponse({ description: 'Signed out' })
  signOut(@Req() request: FastifyRequest, @Res({ passthrough: true }) reply: FastifyReply): void {
    clearSessionCookie(request, reply);
  }
}
