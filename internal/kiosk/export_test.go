package kiosk

// FeedBuilds is how many feeds GET /kiosk/{slug}/feed has built in this
// test binary (for the tests of the ETag check).
func FeedBuilds() int64 { return feedBuilds.Load() }
