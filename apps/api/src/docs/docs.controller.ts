import { Controller, Get } from '@nestjs/common';
import { Public } from '../auth/auth.guard';
import { buildOpenApiDocument } from './openapi.document';

@Controller()
export class DocsController {
  private document: ReturnType<typeof buildOpenApiDocument> | undefined;

  @Public()
  @Get('docs')
  docs() {
    return (this.document ??= buildOpenApiDocument());
  }
}
