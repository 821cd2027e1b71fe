import { Controller, Get, Logger, ServiceUnavailableException } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Public } from '../common/auth';
import { ApiProblems } from '../common/openapi/api-docs';
import { TransactionRunner, type Dialect } from '../database/transaction-runner';

export class HealthDto {
  @ApiProperty({ example: 'ok' }) status: 'ok';
  @ApiProperty({ example: 'up' }) database: 'up';
  @ApiProperty({ enum: ['sqlite', 'postgres'] }) dialect: Dialect;
}

@ApiTags('health')
@Controller('health')
export class HealthController {
  private readonly logger = new Logger('Health');

  constructor(private readonly runner: TransactionRunner) {}

  @Get()
  @Public()
  @ApiOperation({ summary: 'Liveness and database reachability' })
  @ApiOkResponse({ type: HealthDto })
  @ApiProblems(503)
  async check(): Promise<HealthDto> {
    try {
      await this.runner.read((tx) => tx.query('SELECT 1 AS ok'));
    } catch (err) {
      this.logger.warn(`Database check failed: ${(err as Error).message}`);
      throw new ServiceUnavailableException({ code: 'DATABASE_UNAVAILABLE', detail: '数据库没有响应：服务暂时无法办理请求，请稍后重试或者联系系统管理员。' });
    }
    return { status: 'ok', database: 'up', dialect: this.runner.dialect };
  }
}
