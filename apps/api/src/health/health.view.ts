import type { StoreCheck } from '@app/persistence';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

export class DependencyCheck implements StoreCheck {
  @ApiProperty({ enum: ['up', 'down'] }) status: 'up' | 'down';
  @ApiPropertyOptional({ description: "why it is down (a timeout after 2 s, or the driver's error)" }) error?: string;
}

export class HealthChecks {
  @ApiProperty({ type: DependencyCheck }) postgres: DependencyCheck;
  @ApiProperty({ type: DependencyCheck }) redis: DependencyCheck;
}

/** The same body on 200 (ok) and 503 (down). */
export class HealthView {
  @ApiProperty({ enum: ['ok', 'down'] }) status: 'ok' | 'down';
  @ApiPropertyOptional({
    type: HealthChecks,
    description: "each dependency and why it is down: only for the regulator's token or key, or a caller on the machine itself",
  })
  checks?: HealthChecks;
}
