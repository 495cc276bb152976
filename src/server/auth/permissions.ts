// The permission table lives in the model so that the API and the web UI share it (issue 8 item 13).
export { PERMISSIONS, ROLE_PERMISSIONS, isPermission, roleHas, type Permission } from '../../model/permissions.js';
