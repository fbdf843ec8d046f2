import { applyDecorators } from '@nestjs/common';
import { ApiProduces, ApiResponse } from '@nestjs/swagger';

const HTML_PAGE = { type: 'string', description: "an HTML page in the reader's language (Accept-Language or ?lang=)" } as const;

/**
 * The pages answer HTML, refusals included (PageExceptionFilter renders them as error pages with
 * the same status): declared once per controller, with the outage every page can meet.
 */
export const ApiHtmlPages = () =>
  applyDecorators(
    ApiProduces('text/html'),
    ApiResponse({ status: 503, description: 'An error page: PostgreSQL or Redis is unavailable (Retry-After says when to come back)', schema: HTML_PAGE }),
  );

/** The page an operation answers, and the error pages it can answer instead (besides 429 and 503). */
export const ApiHtmlPage = (status: 200 | 201, description: string, refusals: { 400?: string; 404?: string } = {}) =>
  applyDecorators(
    ApiResponse({ status, description, schema: HTML_PAGE }),
    ...Object.entries(refusals).map(([refusal, why]) => ApiResponse({ status: Number(refusal), description: `An error page: ${why}`, schema: HTML_PAGE })),
  );
