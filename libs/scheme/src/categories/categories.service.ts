import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { fieldError, notFound, Page, pageOf } from '@app/shared';
import { ProductCategory } from './category.entity';
import { CategoryQuery, CreateCategoryDto, UpdateCategoryDto } from './category.dto';
import { CategoryView } from './category.view';

/** The product categories the regulator opens the scheme to. */
@Injectable()
export class CategoriesService {
  constructor(@InjectRepository(ProductCategory) private readonly categories: Repository<ProductCategory>) {}

  async list(q: CategoryQuery): Promise<Page<CategoryView>> {
    const qb = this.categories.createQueryBuilder('c').orderBy('c.pilot', 'DESC').addOrderBy('c.code').offset(q.offset).limit(q.pageSize);
    if (q.pilot !== undefined) qb.andWhere('c.pilot = :pilot', { pilot: q.pilot });
    if (q.active !== undefined) qb.andWhere('c.active = :active', { active: q.active });
    const [rows, total] = await qb.getManyAndCount();
    return pageOf(rows.map(CategoryView.of), total, q);
  }

  async get(code: string): Promise<CategoryView> {
    return CategoryView.of(await this.load(code));
  }

  async create(dto: CreateCategoryDto): Promise<CategoryView> {
    // The primary key's name does not follow uq__table__column, so say which field clashes here;
    // a concurrent duplicate still ends in a 409 from the key.
    if (await this.categories.existsBy({ code: dto.code })) {
      throw fieldError('ALREADY_EXISTS', 'code', `product category ${dto.code} exists already`);
    }
    const category = await this.categories.save(this.categories.create({ code: dto.code, nameZh: dto.nameZh, nameEn: dto.nameEn, pilot: dto.pilot }));
    return CategoryView.of(category);
  }

  async update(code: string, dto: UpdateCategoryDto): Promise<CategoryView> {
    const category = await this.load(code);
    if (dto.nameZh !== undefined) category.nameZh = dto.nameZh;
    if (dto.nameEn !== undefined) category.nameEn = dto.nameEn;
    if (dto.pilot !== undefined) category.pilot = dto.pilot;
    if (dto.active !== undefined) category.active = dto.active;
    return CategoryView.of(await this.categories.save(category));
  }

  private async load(code: string): Promise<ProductCategory> {
    const category = await this.categories.findOneBy({ code });
    if (!category) throw notFound('product category', code);
    return category;
  }
}
