import { Inject, Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';

const USER_COLUMNS = 'user_id AS "userId", email, name, roles, school_ids AS "schoolIds", region_ids AS "regionIds", locale, disabled';

/** The admin's directory reads; changes go through AdminActions, each one an event of the admin stream. */
@Injectable()
export class AdminDirectoryUseCase {
  constructor(@Inject(DataSource) private readonly ds: DataSource) {}

  regions() {
    return this.ds.query('SELECT region_id AS "regionId", name FROM regions ORDER BY region_id');
  }

  schools() {
    return this.ds.query(
      'SELECT school_id AS "schoolId", region_id AS "regionId", name, npsn, level, time_zone AS "timeZone", sub_district AS "subDistrict" FROM schools ORDER BY school_id',
    );
  }

  users() {
    return this.ds.query(`SELECT ${USER_COLUMNS} FROM users ORDER BY user_id`);
  }
}
