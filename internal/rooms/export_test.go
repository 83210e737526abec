package rooms

// StoreKey lets the external tests take the cache out of an app's store,
// as if rooms.Register had never run for it.
const StoreKey = storeKey
