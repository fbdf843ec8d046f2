import { Body, Controller, Delete, Get, HttpCode, Param, Put, Query } from '@nestjs/common';
import { ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiParam, ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/identity';
import { HolidayDto, HolidayQuery, HolidaysService, HolidayView } from '@app/notifications';
import { ApiErrors } from '@app/shared';

const DATE_PARAM = ApiParam({ name: 'date', type: String, format: 'date', example: '2026-10-01' });

/**
 * The working-day calendar (Beijing dates): public holidays and adjusted working days (调休).
 * Every signed-in caller may read it (due dates are counted with it); only the regulator keeps it.
 */
@ApiTags('holidays')
@Controller('api/v1/holidays')
export class HolidaysController {
  constructor(private readonly holidays: HolidaysService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'The days that differ from Monday-to-Friday in a year (default: this year and the next)' })
  @ApiOkResponse({ type: [HolidayView] })
  @ApiErrors(400)
  list(@Query() q: HolidayQuery): Promise<HolidayView[]> {
    return this.holidays.list(q.year);
  }

  @Get(':date')
  @Auth()
  @DATE_PARAM
  @ApiOperation({ summary: 'One day of the calendar (404: an ordinary day, a working day unless a weekend)' })
  @ApiOkResponse({ type: HolidayView })
  @ApiErrors(400, 404)
  get(@Param('date') date: string): Promise<HolidayView> {
    return this.holidays.get(date);
  }

  @Put(':date')
  @Auth('regulator')
  @DATE_PARAM
  @ApiOperation({ summary: 'Add or correct a holiday or an adjusted working day (as the State Council publishes them)' })
  @ApiOkResponse({ type: HolidayView })
  @ApiErrors(400)
  put(@Param('date') date: string, @Body() dto: HolidayDto): Promise<HolidayView> {
    return this.holidays.put(date, dto);
  }

  @Delete(':date')
  @HttpCode(204)
  @Auth('regulator')
  @DATE_PARAM
  @ApiOperation({ summary: 'Make the day an ordinary one again' })
  @ApiNoContentResponse()
  @ApiErrors(400, 404)
  async remove(@Param('date') date: string): Promise<void> {
    await this.holidays.remove(date);
  }
}
