package kiosk

// FeedBuilds is how many feeds GET /kiosk/{slug}/feed has built in this
// test binary (for the tests of the ETag check).
func FeedBuilds() int64 { return feedBuilds.Load() }

// SetStreamCaps lowers the realtime connection caps for one test.
func SetStreamCaps(t interface{ Cleanup(func()) }, perAddress, total int) {
	oldPer, oldTotal := maxStreamsPerAddress, maxStreams
	maxStreamsPerAddress, maxStreams = perAddress, total
	t.Cleanup(func() { maxStreamsPerAddress, maxStreams = oldPer, oldTotal })
}
