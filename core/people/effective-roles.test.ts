import { AppError } from '../errors';
import { effectiveRoles, requireRole, type CallerRole } from './effective-roles';
import type { Role } from './person';

type Case = {
  who: string;
  storedRoles?: Role[];
  tokenAppRoles?: string[];
  upn?: string | null;
  bootstrapAdminUpn?: string;
  managesSomeone?: boolean;
  expected: CallerRole[];
};

const cases: Case[] = [
  { who: 'someone with nothing special', expected: ['employee'] },
  {
    who: 'someone the directory says manages a colleague',
    managesSomeone: true,
    expected: ['employee', 'manager'],
  },
  { who: 'an assigned L&D admin', tokenAppRoles: ['Practica.Admin'], expected: ['employee', 'admin'] },
  {
    who: 'an assigned workflow author',
    tokenAppRoles: ['Practica.Author'],
    expected: ['employee', 'author'],
  },
  {
    who: 'a manager assigned both app roles',
    tokenAppRoles: ['Practica.Author', 'Practica.Admin'],
    managesSomeone: true,
    expected: ['employee', 'manager', 'author', 'admin'],
  },
  {
    who: 'someone whose token carries other apps’ or look-alike roles',
    tokenAppRoles: ['Admin', 'practica.admin', 'Practica.Administrator', 'Other.Author'],
    expected: ['employee'],
  },
  {
    who: 'the bootstrap admin, matched whatever the case of either UPN',
    upn: 'Dana.Okafor@Northwind.example',
    bootstrapAdminUpn: 'dana.okafor@NORTHWIND.EXAMPLE',
    expected: ['employee', 'admin'],
  },
  {
    who: 'someone else while a bootstrap admin is configured',
    upn: 'sam.lee@northwind.example',
    bootstrapAdminUpn: 'dana.okafor@northwind.example',
    expected: ['employee'],
  },
  {
    who: 'someone whose UPN only contains the bootstrap admin’s',
    upn: 'xdana.okafor@northwind.example',
    bootstrapAdminUpn: 'dana.okafor@northwind.example',
    expected: ['employee'],
  },
  {
    who: 'a token without a UPN while a bootstrap admin is configured',
    upn: null,
    bootstrapAdminUpn: 'dana.okafor@northwind.example',
    expected: ['employee'],
  },
  {
    who: 'anyone when the bootstrap admin is configured empty',
    upn: '',
    bootstrapAdminUpn: '',
    expected: ['employee'],
  },
  {
    who: 'someone the directory stored as author and admin',
    storedRoles: ['employee', 'admin', 'author'],
    expected: ['employee', 'author', 'admin'],
  },
  {
    who: 'an admin both stored and assigned, listed once',
    storedRoles: ['admin'],
    tokenAppRoles: ['Practica.Admin'],
    bootstrapAdminUpn: 'dana.okafor@northwind.example',
    upn: 'dana.okafor@northwind.example',
    expected: ['employee', 'admin'],
  },
];

describe('the roles a caller has', () => {
  it.each(cases)('$who: $expected', (c) => {
    expect(
      effectiveRoles({
        storedRoles: c.storedRoles ?? [],
        tokenAppRoles: c.tokenAppRoles ?? [],
        upn: c.upn === undefined ? 'sam.lee@northwind.example' : c.upn,
        bootstrapAdminUpn: c.bootstrapAdminUpn,
        managesSomeone: c.managesSomeone ?? false,
      }),
    ).toEqual(c.expected);
  });
});

describe('requiring a role', () => {
  it('lets a caller with the role through and refuses one without it as forbidden', () => {
    expect(() => requireRole(['employee', 'admin'], 'admin', 'Only L&D admins can do this')).not.toThrow();
    const refusal = (() => {
      try {
        requireRole(['employee', 'manager', 'author'], 'admin', 'Only L&D admins can do this');
      } catch (error) {
        return error;
      }
      return null;
    })();
    expect(refusal).toBeInstanceOf(AppError);
    expect(refusal).toMatchObject({ code: 'forbidden', message: 'Only L&D admins can do this' });
  });
});
