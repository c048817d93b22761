package fakeepic

// Permits is the fake's own permission check, for the shared permission
// table, which asks for resources no kill type needs.
var Permits = permits
