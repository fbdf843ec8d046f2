import { applyDecorators } from '@nestjs/common';
import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsOptional, IsString, Length } from 'class-validator';

/** Surrounding spaces are not part of what someone wrote. */
export const trimText = ({ value }: { value: unknown }) => (typeof value === 'string' ? value.trim() : value);

/** An optional free text of the case records (a reason, a note, a message): trimmed, 1 to `max` characters. */
export const OptionalText = (max: number, description?: string) =>
  applyDecorators(
    ApiPropertyOptional({ maxLength: max, ...(description ? { description } : {}) }),
    IsOptional(),
    Transform(trimText),
    IsString(),
    Length(1, max),
  );
