// The gcp-insecure resources, fixed: access only for named groups in trusted domains.
import * as gcp from "@pulumi/gcp";

const disk = new gcp.compute.Disk("orders-data", { zone: "europe-west1-b", size: 100, type: "pd-balanced" });
const image = new gcp.compute.Image("golden", { sourceDisk: disk.id });
const snapshot = new gcp.compute.Snapshot("orders-data-nightly", { sourceDisk: disk.name, zone: "europe-west1-b" });

new gcp.compute.ImageIamMember("golden-users", {
    image: image.name, role: "roles/compute.imageUser", member: "group:platform@example.com",
});

new gcp.compute.DiskIamBinding("orders-data-readers", {
    name: disk.name,
    zone: "europe-west1-b",
    role: "roles/compute.viewer",
    members: ["group:platform@example.com"],
});

new gcp.compute.SnapshotIamPolicy("orders-data-nightly-policy", {
    name: snapshot.name,
    policyData: JSON.stringify({ bindings: [{ role: "roles/compute.storageAdmin", members: ["group:backup-admins@example.com"] }] }),
});
