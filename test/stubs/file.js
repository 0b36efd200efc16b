// Images, fonts and sounds: the SDK `require()`s them and uses the result as a URL.
module.exports = "test-file-stub";
