// Insecure on purpose: a machine image, a disk and a snapshot shared through IAM with everyone.
import * as gcp from "@pulumi/gcp";

const disk = new gcp.compute.Disk("orders-data", { zone: "europe-west1-b", size: 100, type: "pd-balanced" });
const image = new gcp.compute.Image("golden", { sourceDisk: disk.id });
const snapshot = new gcp.compute.Snapshot("orders-data-nightly", { sourceDisk: disk.name, zone: "europe-west1-b" });

// Anyone on the internet may use the image.
new gcp.compute.ImageIamMember("golden-public", { image: image.name, role: "roles/compute.imageUser", member: "allUsers" });

// Any Google account may read the disk.
new gcp.compute.DiskIamBinding("orders-data-readers", {
    name: disk.name,
    zone: "europe-west1-b",
    role: "roles/compute.viewer",
    members: ["group:platform@example.com", "allAuthenticatedUsers"],
});

// A whole policy document that makes the snapshot public.
new gcp.compute.SnapshotIamPolicy("orders-data-nightly-policy", {
    name: snapshot.name,
    policyData: JSON.stringify({ bindings: [{ role: "roles/compute.storageAdmin", members: ["allUsers"] }] }),
});
