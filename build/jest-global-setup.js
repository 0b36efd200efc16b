// Runs once before every jest run: tests import the same generated config validator the build ships.
const { writeConfigValidator } = require("./config-validator");

module.exports = async function globalSetup() {
    writeConfigValidator();
};
