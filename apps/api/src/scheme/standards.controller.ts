import { Body, Controller, Get, HttpCode, Param, ParseUUIDPipe, Patch, Post, Query } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/identity';
import { CategoryQuery, CreateCategoryDto, CreateStandardDto, StandardQuery, StandardsService, UpdateCategoryDto } from '@app/scheme';

@ApiTags('scheme catalogue')
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly standards: StandardsService) {}

  @Get()
  @Auth()
  list(@Query() q: CategoryQuery) {
    return this.standards.listCategories(q);
  }

  @Get(':code')
  @Auth()
  get(@Param('code') code: string) {
    return this.standards.getCategory(code);
  }

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Add a product category (regulator)' })
  create(@Body() dto: CreateCategoryDto) {
    return this.standards.createCategory(dto);
  }

  @Patch(':code')
  @Auth('regulator')
  @ApiOperation({ summary: 'Rename a category, set its pilot flag, or close it (regulator)' })
  update(@Param('code') code: string, @Body() dto: UpdateCategoryDto) {
    return this.standards.updateCategory(code, dto);
  }
}

@ApiTags('scheme catalogue')
@Controller('api/v1/standards')
export class StandardsController {
  constructor(private readonly standards: StandardsService) {}

  @Get()
  @Auth()
  list(@Query() q: StandardQuery) {
    return this.standards.list(q);
  }

  @Get(':id')
  @Auth()
  @ApiOperation({ summary: 'A standard with its requirements' })
  get(@Param('id', ParseUUIDPipe) id: string) {
    return this.standards.get(id);
  }

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Add a standard with its requirements (regulator)' })
  create(@Body() dto: CreateStandardDto) {
    return this.standards.create(dto);
  }

  @Post(':id/supersede')
  @HttpCode(200)
  @Auth('regulator')
  supersede(@Param('id', ParseUUIDPipe) id: string) {
    return this.standards.changeStatus(id, 'supersede');
  }

  @Post(':id/withdraw')
  @HttpCode(200)
  @Auth('regulator')
  withdraw(@Param('id', ParseUUIDPipe) id: string) {
    return this.standards.changeStatus(id, 'withdraw');
  }
}
