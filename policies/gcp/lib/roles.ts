// Which IAM roles let a principal read Compute Engine images, snapshots, disks and machine images
// (copy them into its own project or create a disk from them). Predefined roles are listed by
// name; custom roles are judged by the permissions they hold.

/** Predefined roles that read images, snapshots, disks or machine images, and the basic roles. */
export const imageReadingRoles: ReadonlySet<string> = new Set([
    "roles/compute.imageUser",
    "roles/compute.storageAdmin",
    "roles/compute.admin",
    // Basic roles span every service of the project; granting one to the public is never intended.
    "roles/owner",
    "roles/editor",
    "roles/viewer",
]);

/** Permissions that let the holder read the data of an image, snapshot, disk or machine image. */
export const imageReadingPermissions: ReadonlySet<string> = new Set([
    "compute.images.useReadOnly",
    "compute.snapshots.useReadOnly",
    "compute.disks.useReadOnly",
    "compute.machineImages.useReadOnly",
]);

export function isImageReadingRole(role: string): boolean {
    return imageReadingRoles.has(role.trim());
}

export function isImageReadingPermission(permission: string): boolean {
    return imageReadingPermissions.has(permission.trim());
}

/** True for a custom role name (`projects/P/roles/R`, `organizations/O/roles/R`). */
export function isCustomRoleName(role: string): boolean {
    return /^(projects|organizations)\/[^/]+\/roles\/[^/]+$/.test(role.trim());
}
