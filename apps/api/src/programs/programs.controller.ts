import { Body, Controller, Headers, Inject, Param, Query, Res } from '@nestjs/common';
import type { Response } from 'express';
import type { Actor } from '@mutu/domain';
import { CurrentActor } from '../auth/auth.guard';
import { ZodPipe } from '../common/zod.pipe';
import { Route } from '../routes/route.decorator';
import { ROUTES } from '../routes/route-table';
import { ListProgramsQuerySchema, PathIdSchema, type ListProgramsQuery } from '../routes/route-schemas';
import { CreateProgramBodySchema, CreateProgramUseCase, type CreateProgramBody } from './create-program.usecase';
import { GetProgramUseCase } from './get-program.usecase';
import { ListMyTasksUseCase } from './list-my-tasks.usecase';
import { ListProgramsUseCase } from './list-programs.usecase';
import { ProgramPeopleUseCase } from './program-people';
import { NoQuerySchema, ProgramPeopleQuerySchema, type ProgramPeopleQuery } from './program-people.schemas';

@Controller()
export class ProgramsController {
  constructor(
    @Inject(CreateProgramUseCase) private readonly createProgram: CreateProgramUseCase,
    @Inject(GetProgramUseCase) private readonly getProgram: GetProgramUseCase,
    @Inject(ListProgramsUseCase) private readonly listPrograms: ListProgramsUseCase,
    @Inject(ListMyTasksUseCase) private readonly myTasks: ListMyTasksUseCase,
    @Inject(ProgramPeopleUseCase) private readonly people: ProgramPeopleUseCase,
  ) {}

  @Route(ROUTES.listPrograms)
  async list(
    @CurrentActor() actor: Actor,
    @Query(new ZodPipe(ListProgramsQuerySchema)) query: ListProgramsQuery,
    @Res({ passthrough: true }) res: Response,
  ) {
    const page = await this.listPrograms.execute(actor, query);
    res.type('application/json'); // the page is JSON text already
    return page;
  }

  @Route(ROUTES.createProgram)
  create(
    @CurrentActor() actor: Actor,
    @Body(new ZodPipe(CreateProgramBodySchema)) body: CreateProgramBody,
    @Headers('idempotency-key') idempotencyKey?: string,
  ) {
    return this.createProgram.execute(actor, body, idempotencyKey);
  }

  @Route(ROUTES.getProgram)
  get(@CurrentActor() actor: Actor, @Param('id', new ZodPipe(PathIdSchema)) id: string) {
    return this.getProgram.execute(actor, id);
  }

  @Route(ROUTES.programPeople)
  listPeople(
    @CurrentActor() actor: Actor,
    @Param('id', new ZodPipe(PathIdSchema)) id: string,
    @Query(new ZodPipe(ProgramPeopleQuerySchema)) query: ProgramPeopleQuery,
  ) {
    return this.people.execute(actor, id, query.role);
  }

  @Route(ROUTES.mySchools)
  schools(@CurrentActor() actor: Actor, @Query(new ZodPipe(NoQuerySchema)) _query: Record<string, never>) {
    return this.people.schoolsInScope(actor);
  }

  @Route(ROUTES.myTasks)
  tasks(@CurrentActor() actor: Actor) {
    return this.myTasks.execute(actor);
  }
}
