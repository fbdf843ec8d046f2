import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiCreatedResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Auth } from '@app/identity';
import { CategoriesService, CategoryQuery, CategoryView, CreateCategoryDto, UpdateCategoryDto } from '@app/scheme';
import { ApiErrors, Page, PageOf } from '@app/shared';

@ApiTags('scheme catalogue')
@ApiErrors(503)
@Controller('api/v1/categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @Auth()
  @ApiOperation({ summary: 'Product categories (filters: pilot, active)' })
  @ApiOkResponse({ type: PageOf(CategoryView) })
  @ApiErrors(400)
  list(@Query() q: CategoryQuery): Promise<Page<CategoryView>> {
    return this.categories.list(q);
  }

  @Get(':code')
  @Auth()
  @ApiOkResponse({ type: CategoryView })
  @ApiErrors(400, 404)
  get(@Param('code') code: string): Promise<CategoryView> {
    return this.categories.get(code);
  }

  @Post()
  @Auth('regulator')
  @ApiOperation({ summary: 'Add a product category (regulator)' })
  @ApiCreatedResponse({ type: CategoryView })
  @ApiErrors(400, 409)
  create(@Body() dto: CreateCategoryDto): Promise<CategoryView> {
    return this.categories.create(dto);
  }

  @Patch(':code')
  @Auth('regulator')
  @ApiOperation({ summary: 'Rename a category, set its pilot flag, or close it to new applications (regulator)' })
  @ApiOkResponse({ type: CategoryView })
  @ApiErrors(400, 404)
  update(@Param('code') code: string, @Body() dto: UpdateCategoryDto): Promise<CategoryView> {
    return this.categories.update(code, dto);
  }
}
