import { Controller } from '@nestjs/common';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { buildOpenApiDocument } from './openapi.document';

@Controller()
export class DocsController {
  private document: ReturnType<typeof buildOpenApiDocument> | undefined;

  @Route(ROUTES.docs)
  docs() {
    return this.openApi();
  }

  @Route(ROUTES.openApiJson)
  openApi() {
    return (this.document ??= buildOpenApiDocument());
  }
}
