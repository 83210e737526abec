package schema

// StaffSignInFailures is the label of the desk's sign-in limit in
// Settings > Rate limits: how many failed sign-ins (wrong password, wrong
// one-time code) one address may make in a window. internal/staff counts
// the failures itself; PocketBase's middleware never matches the label.
const StaffSignInFailures = "desk:failedSignIns"
