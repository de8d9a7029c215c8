import { Inject, Injectable } from '@nestjs/common';
import bcrypt from 'bcryptjs';
import { z } from 'zod';
import { ApiError } from '../common/api-error';
import { TokenService } from './token.service';
import { actorOf, UsersRepository } from './users.repository';

export const LoginBodySchema = z.strictObject({
  email: z.string().email().max(254),
  password: z.string().min(1).max(200),
});
export type LoginBody = z.infer<typeof LoginBodySchema>;

@Injectable()
export class LoginUseCase {
  constructor(
    @Inject(UsersRepository) private readonly users: UsersRepository,
    @Inject(TokenService) private readonly tokens: TokenService,
  ) {}

  async execute(body: LoginBody) {
    const user = await this.users.byEmail(body.email);
    // Compare even for unknown users so timing does not reveal which emails exist.
    const ok = await bcrypt.compare(body.password, user?.passwordHash ?? '$2a$10$invalidinvalidinvalidinvalidinvalidinvalidinvalidinv');
    if (!user || !ok || user.disabled) throw new ApiError(401, 'INVALID_CREDENTIALS', 'Email or password is wrong.');
    const actor = actorOf(user);
    const access = await this.tokens.issueAccessToken(actor);
    return { accessToken: access.token, tokenType: 'Bearer', expiresIn: access.expiresIn, user: { ...actor, email: user.email, locale: user.locale } };
  }
}
