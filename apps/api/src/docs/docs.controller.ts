import { Controller, Param, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { buildOpenApiDocument } from './openapi.document';
import { DOCS_PAGE_CSP, DOCS_PAGE_HTML, docsAsset, type DocsAsset } from './swagger-ui';

@Controller()
export class DocsController {
  private document: ReturnType<typeof buildOpenApiDocument> | undefined;

  /** The document as JSON; a browser (asking for HTML first) gets the interactive page instead. */
  @Route(ROUTES.docs)
  docs(@Req() req: Request, @Res() res: Response) {
    if (req.accepts(['application/json', 'text/html']) === 'text/html') {
      res.setHeader('content-security-policy', DOCS_PAGE_CSP);
      res.type('html').send(DOCS_PAGE_HTML);
      return;
    }
    res.json(this.openApi());
  }

  @Route(ROUTES.openApiJson)
  openApi() {
    return (this.document ??= buildOpenApiDocument());
  }

  @Route(ROUTES.docsAsset)
  asset(@Param('file') file: DocsAsset, @Res() res: Response) {
    const { type, body } = docsAsset(file);
    res.setHeader('cache-control', 'public, max-age=3600');
    res.type(type).send(body);
  }
}
