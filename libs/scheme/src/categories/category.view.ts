import { ApiProperty } from '@nestjs/swagger';
import type { ProductCategory } from './category.entity';

export class CategoryView {
  @ApiProperty({ example: 'ELECTRONICS' }) code: string;
  @ApiProperty({ example: '电子信息产品' }) nameZh: string;
  @ApiProperty({ example: 'Electronic information products' }) nameEn: string;
  @ApiProperty() pilot: boolean;
  @ApiProperty({ description: 'open for new applications' }) active: boolean;

  static of(c: ProductCategory): CategoryView {
    const { code, nameZh, nameEn, pilot, active } = c;
    return { code, nameZh, nameEn, pilot, active };
  }
}
