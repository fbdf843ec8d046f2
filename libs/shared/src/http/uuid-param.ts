import { Param, ParseUUIDPipe } from '@nestjs/common';

/** A path parameter that names a record by its UUID: anything else is a 400 naming the parameter, before a query runs. */
export const UuidParam = (name = 'id') => Param(name, ParseUUIDPipe);
