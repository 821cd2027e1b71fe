export { CurrentUser, IS_PUBLIC_KEY, Public, ROLES_KEY, Roles, type RequestWithUser } from './auth.decorators';
